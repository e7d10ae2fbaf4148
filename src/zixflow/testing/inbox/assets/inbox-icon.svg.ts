/** The inbox's tab icon: a speech bubble in WhatsApp green, drawn inline so no file needs shipping. */
export const INBOX_ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#25d366" d="M16 3C8.8 3 3 8.4 3 15c0 2.5.8 4.8 2.3 6.7L4 28l6.6-1.9c1.6.7 3.4 1.1 5.4 1.1 7.2 0 13-5.4 13-12S23.2 3 16 3z"/><path fill="#fff" d="M10 12h12v2H10zm0 5h8v2h-8z"/></svg>
`;
