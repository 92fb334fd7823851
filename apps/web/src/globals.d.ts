/** The web app's package version, set by vite.config.ts. */
declare const __JUDGEHUB_VERSION__: string;
