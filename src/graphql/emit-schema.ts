// Placeholder until the API lands: keeps `npm run build` working.
export {};
