import '../card-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/card.html`, a page generated from its kind (vite.config.ts). */
startFrame(document.querySelector('tf-card-form')!);
