/**
 * Every API error as a sentence in the user's language, never raw JSON:
 * the problem's code picks the sentence, field errors name their fields.
 * Codes without a sentence of their own fall back to their status.
 */
import { ApiError, type FieldError } from './api.ts';
import type { Lang } from './i18n.tsx';
import { useLang } from './i18n.tsx';

type Sentences = Record<string, { vi: string; en: string }>;

const byCode: Sentences = {
  network_error: { vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', en: 'The server could not be reached. Check your connection and try again.' },
  invalid_credentials: { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  unauthenticated: { vi: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.', en: 'Your session has ended. Please sign in again.' },
  account_deactivated: { vi: 'Tài khoản này đã bị khoá.', en: 'This account has been deactivated.' },
  email_taken: { vi: 'Email này đã được đăng ký.', en: 'This email is already registered.' },
  validation_failed: { vi: 'Vui lòng kiểm tra lại các trường được đánh dấu.', en: 'Please check the highlighted fields.' },
  rule_violated: { vi: 'Thông tin chưa đúng quy định.', en: 'This breaks a programme rule.' },
  forbidden: { vi: 'Bạn không có quyền làm việc này.', en: 'You are not allowed to do this.' },
  forbidden_role: { vi: 'Vai trò của bạn không được làm việc này.', en: 'Your role cannot do this.' },
  too_many_requests: { vi: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một lát.', en: 'Too many attempts. Please wait a moment.' },
  concurrent_update: { vi: 'Dữ liệu vừa được người khác thay đổi. Hãy tải lại và thử lại.', en: 'Someone else just changed this. Reload and try again.' },
  slot_taken: { vi: 'Khung giờ này vừa có người đặt. Hãy chọn khung giờ khác.', en: 'This slot was just taken. Please pick another.' },
  not_a_slot: { vi: 'Thời điểm này không còn là khung giờ trống của cố vấn.', en: 'This time is no longer one of the mentor’s open slots.' },
  calendar_busy: { vi: 'Bạn đã có lịch khác vào giờ này.', en: 'You already have something booked at this time.' },
  monthly_cap_reached: { vi: 'Cố vấn đã đủ số buổi trong tháng này.', en: 'The mentor has reached this month’s session limit.' },
  mentor_at_capacity: { vi: 'Cố vấn đã nhận đủ số dự án.', en: 'The mentor has no room for another startup.' },
  mentor_not_available: { vi: 'Cố vấn hiện không nhận yêu cầu.', en: 'The mentor is not taking requests now.' },
  mentor_not_active: { vi: 'Cố vấn chưa được duyệt hoặc đang tạm nghỉ.', en: 'The mentor is not approved or is paused.' },
  too_many_open_requests: { vi: 'Bạn đang có quá nhiều yêu cầu chờ trả lời.', en: 'You have too many requests waiting for an answer.' },
  already_mentoring: { vi: 'Cố vấn này đang hướng dẫn dự án của bạn.', en: 'This mentor already mentors your startup.' },
  request_open: { vi: 'Bạn đã gửi yêu cầu cho cố vấn này và đang chờ trả lời.', en: 'You already asked this mentor and are waiting for an answer.' },
  request_closed: { vi: 'Yêu cầu này đã được xử lý.', en: 'This request has already been answered.' },
  startup_not_eligible: { vi: 'Dự án đã quá 5 năm kể từ lần đăng ký kinh doanh đầu tiên.', en: 'The startup is more than 5 years past its first registration.' },
  already_admitted: { vi: 'Dự án đã ở trong khoá này.', en: 'The startup is already in this cohort.' },
  already_member: { vi: 'Người này đã ở trong nhóm.', en: 'This person is already on the team.' },
  not_a_founder: { vi: 'Email này không thuộc tài khoản nhà sáng lập.', en: 'This email does not belong to a founder account.' },
  user_not_found: { vi: 'Không tìm thấy người dùng với email này.', en: 'No user has this email.' },
  no_active_mentorship: { vi: 'Cần có quan hệ cố vấn đang hoạt động để đặt lịch.', en: 'Booking needs an active mentorship.' },
  session_closed: { vi: 'Buổi này đã kết thúc hoặc đã huỷ.', en: 'This session is over or cancelled.' },
  session_started: { vi: 'Buổi này đã bắt đầu.', en: 'This session has already started.' },
  session_not_started: { vi: 'Buổi này chưa bắt đầu.', en: 'This session has not started yet.' },
  feedback_given: { vi: 'Bạn đã gửi đánh giá cho buổi này.', en: 'You already gave feedback for this session.' },
  proposal_applied: { vi: 'Đề xuất này đã được áp dụng.', en: 'This proposal has already been applied.' },
  startup_ineligible: { vi: 'Dự án đã quá 5 năm kể từ lần đăng ký kinh doanh đầu tiên nên không thể tham gia.', en: 'The startup is more than 5 years past its first registration, so it cannot join.' },
  admission_not_active: { vi: 'Dự án không còn tham gia khoá này.', en: 'The startup is no longer active in this cohort.' },
  cohort_not_found: { vi: 'Không tìm thấy khoá ươm tạo.', en: 'Cohort not found.' },
  not_cohort_manager: { vi: 'Bạn không quản lý khoá này.', en: 'You do not manage this cohort.' },
  mentor_profile_exists: { vi: 'Bạn đã có hồ sơ cố vấn.', en: 'You already have a mentor profile.' },
  mentorship_ended: { vi: 'Quan hệ cố vấn này đã kết thúc.', en: 'This mentorship has ended.' },
  mentorship_changed: { vi: 'Quan hệ cố vấn vừa thay đổi. Hãy tải lại và thử lại.', en: 'The mentorship just changed. Reload and try again.' },
  session_not_scheduled: { vi: 'Buổi này không còn ở trạng thái đã đặt.', en: 'This session is no longer scheduled.' },
  session_not_completed: { vi: 'Buổi này chưa được đánh dấu là đã diễn ra.', en: 'This session has not been marked as held.' },
  action_items_full: { vi: 'Buổi này đã có đủ số việc cần làm.', en: 'This session has as many action items as it can hold.' },
  action_item_already_done: { vi: 'Việc này đã hoàn thành.', en: 'This action item is already done.' },
  milestone_not_of_startup: { vi: 'Cột mốc này không thuộc dự án của buổi.', en: 'This milestone is not the session’s startup’s.' },
  waive_needs_manager: { vi: 'Chỉ người quản lý khoá mới được miễn cột mốc.', en: 'Only the cohort’s manager may waive a milestone.' },
  owner_stays: { vi: 'Không thể xoá chủ sở hữu khỏi nhóm.', en: 'The owner cannot be removed from the team.' },
  member_not_found: { vi: 'Người này không ở trong nhóm.', en: 'This person is not on the team.' },
  last_admin: { vi: 'Phải còn ít nhất một quản trị viên.', en: 'There must be at least one admin.' },
  cannot_change_self: { vi: 'Bạn không thể tự đổi vai trò hoặc trạng thái của mình.', en: 'You cannot change your own role or status.' },
  invalid_pairs: { vi: 'Một số cặp ghép không hợp lệ. Xem chi tiết bên dưới.', en: 'Some pairs are not valid. See the details below.' },
  duplicate_pair: { vi: 'Cặp ghép này đã có.', en: 'This pair is already there.' },
  invalid_range: { vi: 'Khoảng thời gian chưa hợp lệ.', en: 'The date range is not valid.' },
  method_not_allowed: { vi: 'Thao tác này không được hỗ trợ.', en: 'This action is not supported.' },
  internal_error: { vi: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.', en: 'The server had a problem. Please try again later.' },
  invalid_transition: { vi: 'Không thể chuyển sang trạng thái này.', en: 'This change of state is not allowed.' },
};

const byStatus: Record<number, { vi: string; en: string }> = {
  400: { vi: 'Yêu cầu chưa hợp lệ.', en: 'The request is not valid.' },
  401: byCode.unauthenticated!,
  403: byCode.forbidden!,
  404: { vi: 'Không tìm thấy.', en: 'Not found.' },
  409: { vi: 'Xung đột với dữ liệu hiện có. Hãy tải lại và thử lại.', en: 'This conflicts with the current data. Reload and try again.' },
  422: byCode.rule_violated!,
  429: byCode.too_many_requests!,
  503: { vi: 'Hệ thống đang bận. Vui lòng thử lại sau ít phút.', en: 'The service is busy. Please try again in a few minutes.' },
};

const unexpected = { vi: 'Đã có lỗi. Vui lòng thử lại.', en: 'Something went wrong. Please try again.' };

/** The sentence for a problem code the API reported inside a record (e.g. why a milestone did not move). */
export function codeMessage(code: string, lang: Lang): string {
  return (byCode[code] ?? unexpected)[lang];
}

export function errorMessage(error: unknown, lang: Lang): string {
  if (!(error instanceof ApiError)) return unexpected[lang];
  const sentence = byCode[error.code] ?? byStatus[error.status] ?? unexpected;
  return sentence[lang];
}

const byFieldCode: Sentences = {
  isEmail: { vi: 'Email chưa đúng định dạng.', en: 'This is not an email address.' },
  minLength: { vi: 'Quá ngắn.', en: 'Too short.' },
  maxLength: { vi: 'Quá dài.', en: 'Too long.' },
  isCleanText: { vi: 'Không được để trống.', en: 'Must not be blank.' },
  required: { vi: 'Bắt buộc.', en: 'Required.' },
  not_null: { vi: 'Bắt buộc.', en: 'Required.' },
  isNotEmpty: { vi: 'Bắt buộc.', en: 'Required.' },
  isDateOnly: { vi: 'Ngày chưa hợp lệ (YYYY-MM-DD).', en: 'Not a valid date (YYYY-MM-DD).' },
  in_future: { vi: 'Không được là ngày trong tương lai.', en: 'Must not be in the future.' },
  in_the_past: { vi: 'Thời điểm đã qua.', en: 'This time has passed.' },
  isUrl: { vi: 'Đường dẫn chưa hợp lệ.', en: 'Not a valid link.' },
  isIn: { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  isEnum: { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  min: { vi: 'Giá trị quá nhỏ.', en: 'Too small.' },
  max: { vi: 'Giá trị quá lớn.', en: 'Too large.' },
};

/** What is wrong with one field, in the user's language: our sentence for the rule, else the API's own (English) message. */
export function fieldMessage(error: FieldError, lang: Lang): string {
  const sentence = byFieldCode[error.code];
  return sentence ? sentence[lang] : lang === 'en' ? error.message : `Giá trị chưa hợp lệ (${error.message}).`;
}

/** The messages for one field (or its parts), if the error names it. */
export function fieldErrors(error: unknown, field: string, lang: Lang): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problem.errors
    .filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`))
    .map((e) => fieldMessage(e, lang));
}

/** A readable alert for an error, in the user's language, with the fields it names. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { lang } = useLang();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.problem.errors : [];
  return (
    <div className="alert" role="alert">
      <p>{errorMessage(error, lang)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}:${f.code}`}>
              <code>{f.field}</code>: {fieldMessage(f, lang)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
