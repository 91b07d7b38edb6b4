import './frame.css';
import './card-form';
import { startFrame } from './frame-app';

/** Entry point of `/frame/v1/card.html`. */
startFrame(document.querySelector('tf-card-form')!);
