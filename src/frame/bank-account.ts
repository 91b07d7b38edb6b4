import './frame.css';
import './bank-account-form';
import { startFrame } from './frame-app';

/** Entry point of `/frame/v1/bank-account.html`. */
startFrame(document.querySelector('tf-bank-account-form')!);
