// A drawn Plot chart as a standalone SVG file or a PNG image (browser only). Plot styles its
// figure with a <style> element inside the SVG, so the SVG stands alone once it has the
// namespace and a white background; the PNG is that SVG painted on a canvas at twice the size.
export function chartSvg(root: Element): SVGSVGElement | null {
	return root.tagName.toLowerCase() === 'svg' ? (root as SVGSVGElement) : root.querySelector('svg');
}

export function svgText(svg: SVGSVGElement, title: string): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('font-family', getComputedStyle(svg).fontFamily);
	const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', '#ffffff');
	copy.insertBefore(background, copy.firstChild);
	const titleElement = document.createElementNS('http://www.w3.org/2000/svg', 'title');
	titleElement.textContent = title;
	copy.insertBefore(titleElement, copy.firstChild);
	return new XMLSerializer().serializeToString(copy);
}

export async function pngBlob(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
	const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
	const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
	const image = new Image();
	const url = URL.createObjectURL(new Blob([svgText(svg, title)], { type: 'image/svg+xml' }));
	try {
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d')!;
		context.scale(scale, scale);
		context.drawImage(image, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No PNG'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
