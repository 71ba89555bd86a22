// Where the missing files of an empty panel are loaded: a link to Cargar datos for those who may
// load (analysts and admins), and who can for a viewer.
const es = {
	loadAt: 'Los archivos se cargan en',
	loadLink: 'Cargar datos',
	askAnalyst: 'Los archivos los carga un analista o la administración, en Cargar datos.'
};
export const en: typeof es = {
	loadAt: 'Files are loaded in',
	loadLink: 'Load data',
	askAnalyst: 'An analyst or an administrator loads the files, in Load data.'
};
export const emptyMessages = { es, en };
