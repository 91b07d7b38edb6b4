import './frame.css';
import './cvc-update-form';
import { startFrame } from './frame-app';

/** Entry point of `/frame/v1/cvc-update.html`. */
startFrame(document.querySelector('tf-cvc-update-form')!);
