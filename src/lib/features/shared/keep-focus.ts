// After a successful form action SvelteKit moves focus to the top of the page; a keyboard user who
// saved a form with Enter would then start again from the skip link. `use:enhance={keepFocus}`
// puts focus back on the control the form was sent from (the field Enter was pressed in, or the
// button), once the page shows the result.
import type { SubmitFunction } from '@sveltejs/kit';

export const keepFocus: SubmitFunction = () => {
	const active = document.activeElement;
	const control = active instanceof HTMLElement && active !== document.body ? active : null;
	return async ({ update }) => {
		await update();
		if (control?.isConnected && document.activeElement !== control) control.focus();
	};
};
