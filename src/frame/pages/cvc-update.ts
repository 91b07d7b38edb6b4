import '../cvc-update-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/cvc-update.html`, a page generated from its kind (vite.config.ts). */
startFrame(document.querySelector('tf-cvc-update-form')!);
