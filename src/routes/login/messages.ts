// Texts of the sign-in and first-admin pages.
const es = {
	title: 'Iniciar sesión',
	heading: 'Iniciar sesión en Cartera',
	name: 'Usuario',
	password: 'Contraseña',
	submit: 'Entrar',
	wrong: 'Usuario o contraseña incorrectos.',
	locked: (minutes: number) => `Demasiados intentos fallidos: espera ${minutes} min y vuelve a intentarlo.`,
	setupTitle: 'Crear la cuenta de administración',
	setupIntro: 'Esta instalación todavía no tiene cuentas. Crea la de la gerencia (rol administrador): podrá crear las demás, cambiar umbrales y cargar datos.',
	repeat: 'Repite la contraseña',
	differ: 'Las dos contraseñas no coinciden.',
	minLength: 'Al menos 10 caracteres.',
	create: 'Crear y entrar',
	logout: 'Salir',
	roles: { viewer: 'Lectura', analyst: 'Analista', admin: 'Administración' } as Record<string, string>
};

export const en: typeof es = {
	title: 'Sign in',
	heading: 'Sign in to Cartera',
	name: 'User name',
	password: 'Password',
	submit: 'Sign in',
	wrong: 'Wrong user name or password.',
	locked: (minutes) => `Too many failed attempts: wait ${minutes} min and try again.`,
	setupTitle: 'Create the admin account',
	setupIntro: 'This installation has no accounts yet. Create management’s (the admin role): it can create the others, change thresholds and load data.',
	repeat: 'Repeat the password',
	differ: 'The two passwords differ.',
	minLength: 'At least 10 characters.',
	create: 'Create and sign in',
	logout: 'Sign out',
	roles: { viewer: 'Viewer', analyst: 'Analyst', admin: 'Admin' }
};

export const messages = { es, en };
