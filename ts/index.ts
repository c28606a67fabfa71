// illusion-lab: the package's main entry (re-exports of the public modules).
export * from './image.ts';
export * from './stimuli/index.ts';
export * from './io/png.ts';
export * from './io/contact-sheet.ts';
export * from './models/index.ts';
