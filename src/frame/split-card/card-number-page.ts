import '../frame.css';
import './card-number-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/card-number.html`. */
startFrame(document.querySelector('tf-card-number-form')!);
