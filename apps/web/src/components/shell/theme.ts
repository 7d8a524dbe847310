/** Where the person's choice of light or dark is kept; absent: follow the system. */
export const THEME_STORAGE_KEY = 'opsledger-theme';

/**
 * Runs in <head> before the first paint, so a dark page never flashes light: the stored choice,
 * else the system's preference, becomes the `dark` class that Tailwind's dark: variant reads.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;
