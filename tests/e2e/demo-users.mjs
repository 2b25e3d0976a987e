// The demo logins created by `brobygger serve --demo` (never valid outside demo data).
export const demoUsers = [
  { role: 'admin', username: 'admin', password: 'Bro-Styring-2026!' },
  { role: 'consultant', username: 'konsulent', password: 'Bro-Kortlaeg-2026!' },
  { role: 'caseworker', username: 'sagsbehandler', password: 'Bro-Forloeb-2026!' },
  { role: 'enterprise', username: 'virksomhed', password: 'Bro-Kaffe-2026!' },
  { role: 'buyer', username: 'indkoeber', password: 'Bro-Indkob-2026!' },
];

/** Pages reached from the admin's account that are not (all) in the navigation. */
export const adminExtraPages = ['/admin/users', '/admin/users/new', '/admin/audit', '/admin/api-tokens', '/account/password'];
