/**
 * The answers of an appointment request as label/value rows, for the booking form's review
 * and the inbox's request view: one place that turns catalog ids into words.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AttachmentSlotName, BookingRequest, Catalog, CatalogOption } from '../api/types.js';
import { destinationsFor } from '../domain/booking.js';
import { formatMobile } from '../domain/mobile.js';
import { formatPlate } from '../domain/plate.js';
import { fieldLabel } from '../i18n/field-labels.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { localText } from '../i18n/localization.js';
import { dataLang, dataText, isolateNumbers } from './data-text.js';
import { preferenceText } from '../i18n/preference.js';

export type RequestRow = [field: string, label: string, value: TemplateResult | string];

/**
 * File names to show for the request's attachments, each slot's in order (a slot may hold
 * several, #14); missing ones read "attached".
 */
export interface AttachmentNames {
  subjectLetter?: string[];
  idCopy?: string[];
  authorisationLetter?: string[];
  companions?: Array<string | undefined>;
}

export function requestRows(request: Omit<BookingRequest, 'declaration'>, catalog: Catalog, names: AttachmentNames = {}): RequestRow[] {
  const label = (list: CatalogOption[], id: string | undefined) => dataText(localText(list.find((o) => o.id === id)?.label) || (id ?? ''));
  const none = msg('لا يوجد');
  const file = (name: string | undefined) => (name ? html`<bdi>${name}</bdi>` : msg('مرفق'));
  /** A slot's files: their names, one per line, or "attached" (with how many, when several went). */
  const files = (slot: AttachmentSlotName, given: string[] | undefined) => {
    const named = given?.filter(Boolean) ?? [];
    if (named.length > 1) return html`${named.map((name, i) => html`${i ? html`<br />` : ''}<bdi>${name}</bdi>`)}`;
    if (named.length === 1) return file(named[0]);
    const count = 1 + (request.moreFiles?.[slot]?.length ?? 0);
    return count > 1 ? msg(str`مرفق (${count})`) : file(undefined);
  };
  const row = (field: string, value: TemplateResult | string): RequestRow => [field, fieldLabel(field), value];
  return [
    row('applicantType', label(catalog.applicantTypes, request.applicantType)),
    ...(request.entity
      ? [
          row('entityName', dataText(request.entity.name)),
          ...(request.entity.commercialRegistration ? [row('commercialRegistration', html`<bdi>${request.entity.commercialRegistration}</bdi>`)] : []),
          row('authorisationLetter', request.entity.authorisationLetter || names.authorisationLetter?.length ? files('authorisationLetter', names.authorisationLetter) : none),
        ]
      : []),
    row('fullName', dataText(request.fullName)),
    row('idNumber', html`<bdi>${request.idNumber}</bdi>`),
    row('mobile', html`<bdi dir="ltr">${formatMobile(request.mobile)}</bdi>`),
    row('email', html`<bdi>${request.email}</bdi>`),
    row('governorate', request.governorate ? label(catalog.governorates, request.governorate) : msg('لم تُحدد')),
    row('appointmentType', label(catalog.appointmentTypes, request.appointmentType)),
    row('destination', label(destinationsFor(catalog, request.appointmentType), request.destination)),
    row('gate', label(catalog.gates, request.gate)),
    row('reason', label(catalog.reasons, request.reason)),
    row('subject', html`<span class="pre-wrap" dir="auto" lang=${ifDefined(dataLang(request.subject))}>${isolateNumbers(request.subject)}</span>`),
    ...(request.preference ? [['preferredDays', msg('الوقت المفضل للموعد'), preferenceText(request.preference)] satisfies RequestRow] : []),
    row('subjectLetter', files('subjectLetter', names.subjectLetter)),
    row('idCopy', files('idCopy', names.idCopy)),
    ['belongings', msg('مرفقات الزائر'), request.belongings.length ? html`${request.belongings.map((b, i) => html`${i ? msg('، ') : ''}${label(catalog.belongings, b)}`)}` : none],
    ...(request.plate
      ? [row('plate', html`${[formatPlate(request.plate), request.plate.make, request.plate.colour].filter((part): part is string => !!part).map((part, i) => html`${i ? ' · ' : ''}${dataText(part)}`)}`)]
      : []),
    row(
      'companions',
      request.companions.length === 0
        ? none
        : html`<ol class="companions">
            ${request.companions.map(
              (c, i) => html`<li>
                ${dataText(c.fullName)}<br />
                ${fieldLabel('idNumber')}: <bdi>${c.idNumber}</bdi><br />
                ${msg('صورة الهوية')}: ${file(names.companions?.[i])}
              </li>`,
            )}
          </ol>`,
    ),
  ];
}
