package org.haochaping.admin.badreview.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.haochaping.badreview.calendar.ArrangementRejectedException;
import org.haochaping.badreview.calendar.CalendarConflictException;
import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;

/**
 * The holiday calendar page without a browser or a server: the view is built with the calendar
 * service faked in memory, and driven through its components as an official would (choose a year,
 * pick days, click). What it shows is read from the components; what it saves, from the fake.
 */
class HolidayCalendarViewTests {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), COUNTY);
    static final Actor SUPERVISOR = new Actor("supervisor", "监督员", Set.of(Role.SUPERVISOR), null, null);
    static final Actor HANDLER = new Actor("handler", "办理员", Set.of(Role.HANDLER), "housing-construction", null);
    static final YearArrangement SHIPPED_2026 = new YearArrangement(2026,
            Stream.of(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"), range("2026-04-04", "2026-04-06"),
                    range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                    range("2026-10-01", "2026-10-07")).flatMap(days -> days).toList(),
            Stream.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10").map(LocalDate::parse).toList(),
            "国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04", 1);

    final Map<Integer, YearArrangement> stored = new HashMap<>(Map.of(2026, SHIPPED_2026));
    final HolidayCalendar calendar = mock(HolidayCalendar.class);
    final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    @BeforeEach
    void fakeTheCalendarService() {
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        when(calendar.year(any(Actor.class), anyInt())).thenAnswer(call ->
                stored.getOrDefault(call.<Integer>getArgument(1), YearArrangement.unarranged(call.getArgument(1))));
        when(calendar.save(any(), any())).thenAnswer(call -> {
            YearArrangement change = call.getArgument(1);
            if (change.version() != stored.getOrDefault(change.year(), YearArrangement.unarranged(change.year())).version()) {
                throw new CalendarConflictException(change.year());
            }
            YearArrangement saved = change.atVersion(change.version() + 1);
            stored.put(saved.year(), saved);
            return saved;
        });
    }

    @Test
    void it_opens_on_this_years_arrangement_with_its_working_days() {
        HolidayCalendarView view = openAs(HANDLER);

        assertThat(view.year.getValue()).isEqualTo(2026);
        assertThat(view.warning.isVisible()).isFalse();
        assertThat(view.source.getValue()).isEqualTo("国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04");
        assertThat(texts(view.holidays)).hasSize(33).contains("2026-02-15（星期日）", "2026-10-07（星期三）");
        assertThat(texts(view.makeUpDays)).containsExactly("2026-01-04（星期日）", "2026-02-14（星期六）", "2026-02-28（星期六）",
                "2026-05-09（星期六）", "2026-09-20（星期日）", "2026-10-10（星期六）");
        assertThat(view.summary.getText()).isEqualTo("按此安排，2026 年共有 248 个工作日。");
    }

    @Test
    void a_year_nobody_entered_carries_a_visible_warning() {
        HolidayCalendarView view = openAs(HANDLER);

        view.year.setValue(2027);

        assertThat(view.warning.isVisible()).isTrue();
        assertThat(view.warning.getText()).startsWith("2027 年尚未录入国务院节假日安排，暂按周末计算。");
        assertThat(view.summary.getText()).isEqualTo("按此安排，2027 年共有 261 个工作日。");
        assertThat(texts(view.holidays)).containsExactly("（无）");
    }

    @Test
    void officials_other_than_supervisors_read_without_editing_controls() {
        HolidayCalendarView view = openAs(HANDLER);

        assertThat(view.source.isReadOnly()).isTrue();
        assertThat(find(view, "save")).isEmpty();
        assertThat(find(view, "add-holidays")).isEmpty();
        assertThat(find(view, "holiday-remove-2026-02-15")).isEmpty();
    }

    @Test
    void a_supervisor_enters_a_new_year_from_the_notice_and_saves_it() {
        HolidayCalendarView view = openAs(SUPERVISOR);
        view.year.setValue(2027);
        assertThat(view.save.isEnabled()).as("nothing to save yet").isFalse();

        view.holidayFrom.setValue(LocalDate.parse("2027-02-06"));
        view.holidayTo.setValue(LocalDate.parse("2027-02-13"));
        view.addHolidays.click();
        view.holidayFrom.setValue(LocalDate.parse("2027-01-01"));
        view.addHolidays.click();
        view.makeUpDay.setValue(LocalDate.parse("2027-02-14"));
        view.addMakeUpDay.click();
        view.source.setValue("国务院办公厅关于2027年部分节假日安排的通知");
        assertThat(view.summary.getText()).isEqualTo("按修改后的安排，2027 年共有 256 个工作日。");
        view.save.click();

        assertThat(stored.get(2027)).isEqualTo(new YearArrangement(2027,
                Stream.concat(Stream.of(LocalDate.parse("2027-01-01")), range("2027-02-06", "2027-02-13")).toList(),
                List.of(LocalDate.parse("2027-02-14")), "国务院办公厅关于2027年部分节假日安排的通知", 1));
        assertThat(view.message.getText()).isEqualTo("已保存 2027 年节假日安排（第 1 版），办理期限即按此计算。");
        assertThat(view.warning.isVisible()).isFalse();
        assertThat(view.save.isEnabled()).isFalse();
    }

    @Test
    void a_supervisor_removes_a_day_and_can_discard_the_change() {
        HolidayCalendarView view = openAs(SUPERVISOR);

        ((Button) find(view, "make-up-remove-2026-02-28").orElseThrow()).click();
        assertThat(texts(view.makeUpDays)).doesNotContain("2026-02-28（星期六）").hasSize(5);
        assertThat(view.summary.getText()).isEqualTo("按修改后的安排，2026 年共有 247 个工作日。");

        view.discard.click();
        assertThat(texts(view.makeUpDays)).contains("2026-02-28（星期六）").hasSize(6);
        verify(calendar, never()).save(any(), any());
    }

    @Test
    void a_refusal_is_said_in_the_services_words_and_the_draft_is_kept() {
        HolidayCalendarView view = openAs(SUPERVISOR);
        doThrow(new ArrangementRejectedException("CALENDAR_MAKE_UP_DAY_NOT_WEEKEND", "2026-03-04")).when(calendar).save(any(), any());
        view.makeUpDay.setValue(LocalDate.parse("2026-03-04"));
        view.addMakeUpDay.click();

        view.save.click();

        assertThat(view.message.getText())
                .isEqualTo("未保存：调休上班日须为周末。2026-03-04 不是星期六或星期日；只有周末才需要调休上班。");
        assertThat(texts(view.makeUpDays)).contains("2026-03-04（星期三）");
    }

    @Test
    void a_year_someone_else_saved_meanwhile_is_a_conflict_not_an_overwrite() {
        HolidayCalendarView view = openAs(SUPERVISOR);
        stored.put(2026, SHIPPED_2026.atVersion(2));
        view.holidayFrom.setValue(LocalDate.parse("2026-12-31"));
        view.addHolidays.click();

        view.save.click();

        assertThat(view.message.getText()).startsWith("未保存：安排已被他人修改。2026 年的节假日安排在您读取之后已被修改");
        assertThat(stored.get(2026)).isEqualTo(SHIPPED_2026.atVersion(2));
    }

    @Test
    void a_range_that_ends_before_it_starts_adds_nothing() {
        HolidayCalendarView view = openAs(SUPERVISOR);
        view.year.setValue(2027);
        view.holidayFrom.setValue(LocalDate.parse("2027-02-13"));
        view.holidayTo.setValue(LocalDate.parse("2027-02-06"));

        view.addHolidays.click();

        assertThat(view.message.getText()).isEqualTo("结束日期早于开始日期，未添加。");
        assertThat(texts(view.holidays)).containsExactly("（无）");
    }

    private HolidayCalendarView openAs(Actor actor) {
        CurrentActor current = mock(CurrentActor.class);
        when(current.get()).thenReturn(actor);
        return new HolidayCalendarView(calendar, current, NOVEMBER_2026, messages);
    }

    /** The text of each row of a list of days. */
    private static List<String> texts(DayList list) {
        return list.days.getChildren().map(row -> row.getElement().getTextRecursively()).map(String::strip).toList();
    }

    private static Optional<Component> find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(Optional::stream).findFirst();
    }

    private static Stream<LocalDate> range(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1));
    }
}
