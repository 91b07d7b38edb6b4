import '../split-card/card-expiry-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/card-expiry.html`, a page generated from its kind (vite.config.ts). */
startFrame(document.querySelector('tf-card-expiry-form')!);
