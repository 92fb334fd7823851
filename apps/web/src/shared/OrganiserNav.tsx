/**
 * The organiser's pages, linked from the top of each one. The organiser's token is kept per
 * device (session.ts), so moving between pages needs no link.
 */
export const ORGANISER_PAGES = [
  { path: '/organiser/setup', label: 'Setup' },
  { path: '/organiser/assignments', label: 'Assignments' },
  { path: '/organiser', label: 'Sign-in & devices' },
  { path: '/organiser/progress', label: 'Progress' },
  { path: '/head-judge', label: 'Review' },
  { path: '/organiser/scoreboard', label: 'Scoreboard' },
  { path: '/organiser/exports', label: 'Exports' },
] as const;

export type OrganiserPath = (typeof ORGANISER_PAGES)[number]['path'];

export function OrganiserNav({ current }: { current: OrganiserPath }) {
  return (
    <nav className="organiser-nav no-print" aria-label="Organiser pages">
      {ORGANISER_PAGES.map((page) => (
        <a
          key={page.path}
          href={page.path}
          className="organiser-nav-link"
          aria-current={page.path === current ? 'page' : undefined}
        >
          {page.label}
        </a>
      ))}
    </nav>
  );
}
