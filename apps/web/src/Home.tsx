import { JoinPage } from './join/JoinPage.js';

/** The start page is the join page: whoever lands here wants to sign this device in. */
export function Home({ problem }: { problem?: string }) {
  return <JoinPage problem={problem} />;
}
