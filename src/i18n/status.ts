import { msg } from '@lit/localize';
import type { RequestStatus } from '../api/types.js';

/** The citizen-facing name of a request's status (guide picture 13: تحت الاجراء). */
export function statusLabel(status: RequestStatus): string {
  switch (status) {
    case 'submitted':
      return msg('تم تقديم الطلب');
    case 'under-processing':
      return msg('تحت الإجراء');
    case 'needs-documents':
      return msg('بانتظار استكمال المستندات');
    case 'approved':
      return msg('تمت الموافقة');
    case 'rejected':
      return msg('مرفوض');
    case 'completed':
      return msg('مكتمل');
    case 'cancelled':
      return msg('ملغي');
  }
}
