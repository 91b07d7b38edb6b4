import '../frame.css';
import './card-cvc-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/card-cvc.html`. */
startFrame(document.querySelector('tf-card-cvc-form')!);
