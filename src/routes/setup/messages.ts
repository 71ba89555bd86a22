// Texts of the first-run page beyond the account form's (../login/messages.ts): the setup code
// and the choice of the first data.
const es = {
	code: 'Código de configuración',
	codeHint: 'Lo muestra la consola del servidor al arrancar (npm start), p. ej. K7QD-2MZA-XW4P.',
	wrongCode: 'El código no es el que muestra la consola del servidor.',
	locked: (minutes: number) => `Demasiados códigos incorrectos: espera ${minutes} min y vuelve a intentarlo.`,
	dataTitle: '¿Con qué datos empiezas?',
	dataIntro: 'La base de datos está vacía. Puedes explorar Cartera con los datos de ejemplo de un distribuidor ficticio, o cargar las exportaciones de tu CRM y ERP.',
	sample: 'Explorar con datos de ejemplo',
	sampleHint: 'Carga 1.500 clientes y 36 meses de facturas de ejemplo (unos segundos). Se pueden deshacer en el Historial de cargas.',
	loading: 'Cargando los datos de ejemplo…',
	own: 'Empezar con mis datos',
	ownHint: 'Lleva a Cargar datos.'
};

const en: typeof es = {
	code: 'Setup code',
	codeHint: 'The server’s console shows it at start (npm start), e.g. K7QD-2MZA-XW4P.',
	wrongCode: 'That is not the code the server’s console shows.',
	locked: (minutes) => `Too many wrong codes: wait ${minutes} min and try again.`,
	dataTitle: 'Which data do you start with?',
	dataIntro: 'The database is empty. You can explore Cartera with the sample data of a fictional distributor, or load your CRM and ERP exports.',
	sample: 'Explore with sample data',
	sampleHint: 'Loads 1,500 clients and 36 months of sample invoices (a few seconds). They can be undone in the Upload history.',
	loading: 'Loading the sample data…',
	own: 'Start with my own data',
	ownHint: 'Goes to Load data.'
};

export const messages = { es, en };
