// Texts of the accounts page (admins only).
const es = {
	title: 'Usuarios',
	heading: 'Usuarios y accesos',
	users: 'Cuentas',
	name: 'Usuario',
	role: 'Rol',
	created: 'Creada',
	addUser: 'Nueva cuenta',
	password: 'Contraseña (al menos 10 caracteres)',
	add: 'Crear',
	added: (name: string) => `Cuenta ${name} creada.`,
	roles: { viewer: 'Lectura (dirección comercial)', analyst: 'Analista (también carga y deshace datos)', admin: 'Administración (también umbrales y cuentas)' } as Record<string, string>,
	tokens: 'Tokens de API para scripts',
	tokensIntro: 'Un script los envía como «Authorization: Bearer …». El token se muestra una sola vez.',
	label: 'Para qué es',
	createdBy: 'Creado por',
	lastUsed: 'Último uso',
	state: 'Estado',
	active: 'Vigente',
	revoked: 'Revocado',
	create: 'Crear token',
	revoke: 'Revocar',
	copyNow: 'Copia este token ahora; no se volverá a mostrar:',
	none: 'Ninguno.'
};

export const en: typeof es = {
	title: 'Users',
	heading: 'Users and access',
	users: 'Accounts',
	name: 'User name',
	role: 'Role',
	created: 'Created',
	addUser: 'New account',
	password: 'Password (at least 10 characters)',
	add: 'Create',
	added: (name) => `Account ${name} created.`,
	roles: { viewer: 'Viewer (commercial directors)', analyst: 'Analyst (also loads and undoes data)', admin: 'Admin (also thresholds and accounts)' },
	tokens: 'API tokens for scripts',
	tokensIntro: 'A script sends one as “Authorization: Bearer …”. The token is shown only once.',
	label: 'What it is for',
	createdBy: 'Created by',
	lastUsed: 'Last used',
	state: 'State',
	active: 'Active',
	revoked: 'Revoked',
	create: 'Create token',
	revoke: 'Revoke',
	copyNow: 'Copy this token now; it will not be shown again:',
	none: 'None.'
};

export const messages = { es, en };
