/**
 * Every non-English catalog, loaded as one lazy chunk. Separate chunks per
 * language would each repeat the catalog's keys and gzip's start-up cost:
 * 1.5 kB more in the frame's size budget for five languages, against about
 * 2.7 kB gzipped that a non-English customer downloads once here.
 */
export { default as ar } from './ar';
export { default as de } from './de';
export { default as es } from './es';
export { default as fr } from './fr';
export { default as ja } from './ja';
