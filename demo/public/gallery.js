// The appearance gallery: every element in the theme and language the URL names
// (`/gallery?theme=night&locale=ar`), switchable in place. Once every frame has
// answered, <body data-ready> tells the screenshot script and the visual tests.
const params = new URLSearchParams(location.search);
const controls = { theme: document.getElementById('theme'), locale: document.getElementById('locale') };
const elements = [...document.querySelectorAll('#gallery [key]')];

function apply() {
  const theme = controls.theme.value;
  document.querySelector('main').dataset.theme = theme;
  for (const element of elements) {
    element.setAttribute('appearance', JSON.stringify({ theme }));
    element.setAttribute('locale', controls.locale.value);
  }
}

for (const [name, select] of Object.entries(controls)) {
  if (params.has(name)) select.value = params.get(name);
  select.addEventListener('change', () => {
    params.set(name, select.value);
    history.replaceState(null, '', `?${params}`);
    apply();
  });
}
apply();

// This module runs after the loader, so on a slow page a frame may have answered already: an element
// whose loading skeleton is gone (its iframe is there) is ready; the others are waited for.
const answered = (element) =>
  element.shadowRoot?.querySelector('iframe') && !element.shadowRoot.querySelector('.skeleton');
let waiting = elements.length;
const oneReady = () => {
  if (--waiting === 0) document.body.dataset.ready = 'true';
};
for (const element of elements) {
  if (answered(element)) oneReady();
  else element.addEventListener('ready', oneReady, { once: true });
}
