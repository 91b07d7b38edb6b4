import '../pii-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/pii.html`, a page generated from its kind (vite.config.ts). */
startFrame(document.querySelector('tf-pii-form')!);
