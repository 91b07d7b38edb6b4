import '../bank-account-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/bank-account.html`, a page generated from its kind (vite.config.ts). */
startFrame(document.querySelector('tf-bank-account-form')!);
