// Binds a plain <form> (no framework) to the browser's constraint-validation API: every bound input is checked
// as it is typed (setCustomValidity, so :invalid styles, `form.checkValidity()` and the submit block just work),
// reported with reportValidity when it loses focus and on submit, with a message beside it in the page's language
// (dir and lang set, so Persian and Arabic read right to left), a "did you mean ...?" button that applies an email
// suggestion in one click, and phone numbers formatted as they are typed.
//
//   import { init } from 'intake';
//   import { bindForm } from 'intake/form';
//   await init();
//   const bound = bindForm(document.querySelector('form'), { phoneRegion: 'IR' });
//   // <input type="email" name="email" required>  <input type="tel" name="phone">  <input data-intake="country">
//
// Which check an input gets: `fields[name]` (a kind or a validator function), else data-intake="email|phone|
// country|date|name|company|website|address|postcode", else type=email / type=tel / type=url. A name input's part
// comes from data-part (full, given, family); an address's or postcode's country from data-country. Messages:
// `locale`, else the nearest lang attribute, else en.
import {
  AsYouType, validateAddress, validateCompany, validateCountry, validateDate, validateEmail, validateName, validatePhone,
  validatePostcode, validateWebsite,
} from './index.js';
import { direction, message, resolveLocale } from './locales.js';

const KINDS = {
  email: (value, o) => validateEmail(value, o),
  phone: (value, o) => validatePhone(value, { ...o, defaultRegion: o.phoneRegion }),
  country: (value, o) => validateCountry(value, o),
  date: (value, o) => validateDate(value, o),
  name: (value, o) => validateName(value, { ...o, keys: false }), // a form needs no matching keys
  company: (value, o) => validateCompany(value, o),
  website: (value, o) => validateWebsite(value, o),
  address: (value, o) => validateAddress(value, o),
  postcode: (value, o) => validatePostcode(value, o),
};

function kindOf(input, fields) {
  const given = fields[input.name];
  if (given) return given;
  const data = input.dataset?.intake;
  if (data && KINDS[data]) return data;
  if (input.type === 'email') return 'email';
  if (input.type === 'tel') return 'phone';
  if (input.type === 'url') return 'website';
  return null;
}

function now() {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Only the digits and a leading + typed so far, the way the as-you-type formatter wants them. */
function dialable(text) {
  return text.replace(/[^\d+\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\uff0b#*x]/gi, '');
}

/**
 * Binds `form`. Options: `fields` ({ name: kind | (value, { locale, path }) => result }), `locale`, `phoneRegion`
 * (default region of phone numbers), `formatPhones` (default true), `messages` ('inline' (default) | 'none').
 * Returns { check(name?), results(), setLocale(tag), stats(), destroy() }.
 */
export function bindForm(form, { fields = {}, locale, phoneRegion, formatPhones = true, messages = 'inline' } = {}) {
  const doc = form.ownerDocument;
  let tag = resolveLocale([locale ?? form.closest('[lang]')?.getAttribute('lang') ?? 'en']);
  const bound = new Map(); // input -> { kind, box, typer, result, touched }
  const timings = [];
  const cleanups = [];

  const on = (target, type, fn, opts) => {
    target.addEventListener(type, fn, opts);
    cleanups.push(() => target.removeEventListener(type, fn, opts));
  };

  function messageBox(input) {
    if (messages === 'none') return null;
    const id = `${input.id || input.name}-intake-message`;
    let box = doc.getElementById(id);
    if (!box) {
      box = doc.createElement('div');
      box.id = id;
      box.className = 'intake-message';
      box.setAttribute('aria-live', 'polite');
      input.insertAdjacentElement('afterend', box);
      cleanups.push(() => box.remove());
    }
    const described = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!described.includes(id)) input.setAttribute('aria-describedby', [...described, id].join(' '));
    return box;
  }

  function validate(input, entry) {
    const value = input.value;
    if (value.trim() === '') return null; // `required` is the browser's own valueMissing
    const opts = { locale: ['en', 'fa', 'ar', 'zh'].includes(tag) ? tag : 'en', path: input.name, phoneRegion };
    if (input.dataset?.part) opts.part = input.dataset.part;
    if (input.dataset?.country) opts.country = input.dataset.country;
    const fn = typeof entry.kind === 'function' ? entry.kind : KINDS[entry.kind];
    const result = fn(value, opts);
    // A language added with intake/locales: re-render the messages through it.
    if (opts.locale !== tag) for (const i of result.issues) i.message = message(i.code, tag, i.params);
    return result;
  }

  function render(input, entry) {
    const r = entry.result;
    const error = r?.issues.find((i) => i.severity === 'error');
    input.setCustomValidity(error ? error.message : '');
    input.toggleAttribute('aria-invalid', Boolean(error));
    const box = entry.box;
    if (!box) return;
    // Unchanged since the last render: keep the elements (a suggestion button being clicked stays in place).
    const shownNow = r && (error ?? r.issues.find((i) => i.severity === 'warning'));
    const signature = shownNow ? `${tag}\u0000${shownNow.code}\u0000${shownNow.message}\u0000${r.suggestion ?? ''}` : tag;
    if (box.dataset.signature === signature) return;
    box.dataset.signature = signature;
    delete box.dataset.severity;
    delete box.dataset.code;
    box.lang = tag;
    box.dir = direction(tag);
    box.replaceChildren();
    if (!r) return;
    const shown = error ?? r.issues.find((i) => i.severity === 'warning');
    if (!shown) return;
    box.dataset.severity = shown.severity;
    box.dataset.code = shown.code;
    if (r.suggestion && shown.code === 'email.domain_typo') {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'intake-suggestion';
      button.textContent = shown.message;
      button.dataset.value = r.suggestion;
      // Pressing the button must not blur the input first (a blur re-renders the message).
      button.addEventListener('mousedown', (e) => e.preventDefault());
      button.addEventListener('click', () => {
        input.value = r.suggestion;
        update(input, entry, true);
        input.focus();
      });
      box.append(button);
    } else {
      box.textContent = shown.message;
    }
  }

  function update(input, entry, report) {
    entry.result = validate(input, entry);
    render(input, entry);
    if (report && entry.touched) input.reportValidity();
  }

  function onInput(event) {
    const input = event.target;
    const entry = bound.get(input);
    if (!entry) return;
    const started = now();
    if (entry.typer && formatPhones && event.inputType !== 'deleteContentBackward' && input.selectionStart === input.value.length) {
      const typed = dialable(input.value);
      const formatted = typed ? entry.typer.set(typed) : '';
      if (formatted && formatted !== input.value) input.value = formatted;
    }
    update(input, entry, false);
    timings.push(now() - started);
  }

  for (const input of form.querySelectorAll('input, textarea')) {
    const kind = kindOf(input, fields);
    if (!kind || !input.name) continue;
    const entry = { kind, box: messageBox(input), typer: kind === 'phone' ? new AsYouType(phoneRegion) : null, result: null, touched: false };
    bound.set(input, entry);
    on(input, 'input', onInput);
    on(input, 'blur', () => {
      entry.touched = true;
      update(input, entry, true);
    });
    if (input.value) update(input, entry, false);
  }

  on(form, 'submit', (event) => {
    let first = null;
    for (const [input, entry] of bound) {
      entry.touched = true;
      update(input, entry, false);
      if (!first && !input.checkValidity()) first = input;
    }
    if (first) {
      event.preventDefault();
      first.reportValidity();
    }
  }, { capture: true });

  return {
    /** Re-checks one input (by name) or all; returns whether they are valid. */
    check(name) {
      let ok = true;
      for (const [input, entry] of bound) {
        if (name !== undefined && input.name !== name) continue;
        update(input, entry, false);
        ok = input.checkValidity() && ok;
      }
      return ok;
    },
    /** The latest intake result per input name (null for empty inputs). */
    results() {
      return Object.fromEntries([...bound].map(([input, entry]) => [input.name, entry.result]));
    },
    /** Switches the language of messages (and re-renders them). */
    setLocale(next) {
      tag = resolveLocale([next]);
      for (const [input, entry] of bound) if (entry.result) update(input, entry, false);
    },
    /** Every keystroke handler's time (validation + formatting) so far, in ms. */
    timings() {
      return timings.slice();
    },
    /** Time spent per keystroke handler (validation + formatting), in ms: count, worst, median. */
    stats() {
      const sorted = [...timings].sort((a, b) => a - b);
      return { calls: sorted.length, worstMs: sorted.at(-1) ?? 0, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0 };
    },
    destroy() {
      for (const c of cleanups.splice(0)) c();
      for (const input of bound.keys()) input.setCustomValidity('');
      bound.clear();
    },
  };
}
