// Connected account onboarding: the shop collects the details with its own inputs,
// wraps them into an account token and a person token, and posts only the two IDs.
/* global tokenframe */
import { submitWithTokens } from './token-form.js';

const form = document.getElementById('payment-form');
const value = (id) => document.getElementById(id).value.trim();
const businessType = document.getElementById('business-type');
const companyFields = document.getElementById('company-fields');

tokenframe.configure({ publishableKey: form.dataset.publishableKey });

businessType.addEventListener('change', () => {
  companyFields.hidden = businessType.value !== 'company';
  document.getElementById('company-name').required = businessType.value === 'company';
});

submitWithTokens(form, async () => {
  const representative = {
    first_name: value('first-name'),
    last_name: value('last-name'),
    dob: { day: value('dob-day'), month: value('dob-month'), year: value('dob-year') },
    id_number: value('id-number').replace(/\D/g, ''),
  };
  const account =
    businessType.value === 'company'
      ? { business_type: 'company', company: { name: value('company-name') } }
      : { business_type: 'individual', individual: representative };
  const accountResult = await tokenframe.createToken('account', { ...account, tos_shown_and_accepted: true });
  if (accountResult.error) return accountResult;
  const personResult = await tokenframe.createToken('person', {
    ...representative,
    relationship: { representative: true },
  });
  if (personResult.error) return personResult;
  return { tokens: { account_token: accountResult.token.id, person_token: personResult.token.id } };
});
