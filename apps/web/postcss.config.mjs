/** Tailwind CSS 4 runs as a PostCSS plugin in Next's CSS pipeline. */
export default { plugins: { '@tailwindcss/postcss': {} } };
