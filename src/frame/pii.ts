import './frame.css';
import './pii-form';
import { startFrame } from './frame-app';

/** Entry point of `/frame/v1/pii.html`. */
startFrame(document.querySelector('tf-pii-form')!);
