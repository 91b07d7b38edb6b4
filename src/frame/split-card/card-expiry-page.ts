import '../frame.css';
import './card-expiry-form';
import { startFrame } from '../frame-app';

/** Entry point of `/frame/v1/card-expiry.html`. */
startFrame(document.querySelector('tf-card-expiry-form')!);
