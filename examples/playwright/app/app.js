// The front end: loads the profile from the API and saves it, with the session cookie and a CSRF token.
// The API's base URL is https://api.example unless the page is opened with ?api=<base URL>.
const api = new URLSearchParams(location.search).get('api') ?? 'https://api.example';
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
const form = document.getElementById('profile');
const status = document.querySelector('[role="status"]');

async function load() {
  try {
    const response = await fetch(`${api}/profile`, { credentials: 'include' });
    const profile = await response.json();
    form.elements.name.value = profile.name;
    status.textContent = `Loaded: ${profile.name}`;
  } catch (error) {
    status.textContent = `Could not load: ${error.message}`;
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'Saving…';
  try {
    const response = await fetch(`${api}/profile`, {
      method: 'PUT',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: form.elements.name.value }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const profile = await response.json();
    status.textContent = `Saved: ${profile.name}`;
  } catch (error) {
    status.textContent = `Could not save: ${error.message}`;
  }
});

load();
