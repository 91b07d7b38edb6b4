declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ serviceOrigin: string; publishableKey: string }>;
  export default component;
}
