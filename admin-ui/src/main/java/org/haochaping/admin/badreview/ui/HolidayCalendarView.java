package org.haochaping.admin.badreview.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.haochaping.badreview.calendar.HolidayCalendar;
import org.haochaping.badreview.calendar.WorkingDays;
import org.haochaping.badreview.calendar.YearArrangement;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;
import org.haochaping.system.problem.ProblemException;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * 节假日日历: a year's holidays and make-up working days, by which bad-review deadlines ("within N
 * working days") are counted. Every official sees it; SUPERVISORs enter a new year from the State
 * Council's notice, or correct one, and save. A year nobody entered is counted as weekends only,
 * and says so. The rules are the service's: this view edits a draft and shows what the service
 * answers.
 */
@Route("holiday-calendar")
@PageTitle("节假日日历 · 好差评管理平台")
@RolesAllowed({"HANDLER", "MANAGER", "SUPERVISOR", "AUDITOR"})
public class HolidayCalendarView extends VerticalLayout {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    final IntegerField year = new IntegerField("年份");
    final Div warning = new Div();
    final Paragraph summary = new Paragraph();
    final TextField source = new TextField("依据（通知名称、文号、日期）");
    final DayList holidays = new DayList("放假日期", "holiday");
    final DayList makeUpDays = new DayList("调休上班日期（须为周六或周日）", "make-up");
    final DatePicker holidayFrom = datePicker("放假自");
    final DatePicker holidayTo = datePicker("至（单日可不填）");
    final Button addHolidays = new Button("添加放假日期");
    final DatePicker makeUpDay = datePicker("调休上班日");
    final Button addMakeUpDay = new Button("添加调休上班日");
    final Button save = new Button("保存");
    final Button discard = new Button("放弃修改");
    final Div message = new Div();

    private final HolidayCalendar calendar;
    private final MessageSource messages;
    private final ZoneId zone;
    private final Actor actor;
    private final boolean editable;
    private YearArrangement read;
    private final NavigableSet<LocalDate> holidayDraft = new TreeSet<>();
    private final NavigableSet<LocalDate> makeUpDraft = new TreeSet<>();

    public HolidayCalendarView(HolidayCalendar calendar, CurrentActor currentActor, Clock clock, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
        this.zone = clock.getZone();
        this.actor = currentActor.get();
        this.editable = HolidayCalendar.mayEdit(actor);
        int thisYear = LocalDate.now(clock).getYear();
        this.read = YearArrangement.unarranged(thisYear);
        setMaxWidth("60rem");
        add(new H2("节假日日历"), new Paragraph("差评办理期限按工作日计算：受理当天不计，“N 个工作日内”即到第 N 个工作日结束为止。"
                + "放假日期和调休上班日期以国务院办公厅每年发布的部分节假日安排通知为准；其余周六、周日休息，其余工作日上班。"));
        configureYear(thisYear);
        configureEditing();
        warning.setId("unarranged-warning");
        warning.addClassNames(LumoUtility.Background.WARNING_10, LumoUtility.TextColor.WARNING_CONTRAST,
                LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM);
        warning.getElement().setAttribute("role", "alert");
        summary.setId("working-day-summary");
        message.setId("save-message");
        message.getElement().setAttribute("aria-live", "polite");
        add(year, warning, summary, source);
        if (editable) {
            add(row(holidayFrom, holidayTo, addHolidays), row(makeUpDay, addMakeUpDay), row(save, discard));
        }
        HorizontalLayout lists = new HorizontalLayout(holidays, makeUpDays);
        lists.setWidthFull();
        holidays.setWidth("65%");
        add(message, lists);
        load(thisYear);
    }

    private void configureYear(int thisYear) {
        year.setId("year");
        year.setMin(2000);
        year.setMax(2100);
        year.setStepButtonsVisible(true);
        year.setValue(thisYear);
        year.addValueChangeListener(change -> {
            Integer chosen = change.getValue();
            if (chosen != null && chosen >= 2000 && chosen <= 2100) {
                load(chosen);
            }
        });
    }

    private void configureEditing() {
        source.setId("source");
        source.setWidthFull();
        source.setMaxLength(200);
        source.setReadOnly(!editable);
        source.addValueChangeListener(change -> showChanges());
        addHolidays.setId("add-holidays");
        addHolidays.addClickListener(click -> addHolidays());
        addMakeUpDay.setId("add-make-up-day");
        addMakeUpDay.addClickListener(click -> addMakeUpDay());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        discard.setId("discard");
        discard.addClickListener(click -> load(read.year()));
    }

    /** Reads the year as stored, dropping any unsaved edits. */
    private void load(int shown) {
        read = calendar.year(actor, shown);
        holidayDraft.clear();
        holidayDraft.addAll(read.holidays());
        makeUpDraft.clear();
        makeUpDraft.addAll(read.makeUpWorkingDays());
        source.setValue(read.source() == null ? "" : read.source());
        for (DatePicker picker : List.of(holidayFrom, holidayTo, makeUpDay)) {
            picker.clear();
            picker.setMin(LocalDate.of(shown, 1, 1));
            picker.setMax(LocalDate.of(shown, 12, 31));
            picker.setInitialPosition(LocalDate.of(shown, 1, 1));
        }
        warning.setText(shown + " 年尚未录入国务院节假日安排，暂按周末计算。"
                + (editable ? "请依据国务院办公厅的通知录入放假日期和调休上班日期后保存。" : "请联系监督员录入。"));
        warning.setVisible(!read.isArranged());
        message.setText("");
        showChanges();
    }

    private void addHolidays() {
        LocalDate from = holidayFrom.getValue();
        LocalDate to = holidayTo.getValue() == null ? from : holidayTo.getValue();
        if (from == null || to.isBefore(from)) {
            message.setText(from == null ? "请先选择放假的第一天。" : "结束日期早于开始日期，未添加。");
            return;
        }
        from.datesUntil(to.plusDays(1)).forEach(holidayDraft::add);
        holidayFrom.clear();
        holidayTo.clear();
        message.setText("");
        showChanges();
    }

    private void addMakeUpDay() {
        if (makeUpDay.getValue() == null) {
            message.setText("请先选择调休上班的日期。");
            return;
        }
        makeUpDraft.add(makeUpDay.getValue());
        makeUpDay.clear();
        message.setText("");
        showChanges();
    }

    private void save() {
        try {
            YearArrangement saved = calendar.save(actor, draft());
            load(saved.year());
            message.setText("已保存 " + saved.year() + " 年节假日安排（第 " + saved.version() + " 版），办理期限即按此计算。");
        } catch (ProblemException refused) {
            message.setText(describe(refused));
        }
    }

    /** Re-renders the lists, the working-day count of the draft, and whether there is anything to save. */
    private void showChanges() {
        holidays.show(holidayDraft, "（无）", day -> {
            holidayDraft.remove(day);
            showChanges();
        }, editable);
        makeUpDays.show(makeUpDraft, "（无）", day -> {
            makeUpDraft.remove(day);
            showChanges();
        }, editable);
        YearArrangement draft = draft();
        WorkingDays counted = draft.holidays().isEmpty() && draft.makeUpWorkingDays().isEmpty()
                ? WorkingDays.weekendsOnly(zone) : WorkingDays.of(zone, List.of(draft));
        long workingDays = LocalDate.of(draft.year(), 1, 1).datesUntil(LocalDate.of(draft.year() + 1, 1, 1))
                .filter(counted::isWorkingDay).count();
        summary.setText((changed(draft) ? "按修改后的安排，" : "按此安排，") + draft.year() + " 年共有 " + workingDays + " 个工作日。");
        save.setEnabled(changed(draft));
        discard.setEnabled(changed(draft));
    }

    private YearArrangement draft() {
        return new YearArrangement(read.year(), List.copyOf(holidayDraft), List.copyOf(makeUpDraft), source.getValue(),
                read.version());
    }

    private boolean changed(YearArrangement draft) {
        return !draft.equals(read);
    }

    /** The problem as the API words it in Chinese: its title and what to do. */
    private String describe(ProblemException problem) {
        String title = messages.getMessage("problem." + problem.code() + ".title", null, problem.code(), ZH);
        String detail = messages.getMessage("problem." + problem.code() + ".detail", problem.detailArguments(), "", ZH);
        return "未保存：" + title + (detail == null || detail.isEmpty() ? "" : "。" + detail);
    }

    private static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static DatePicker datePicker(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"))
                .setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"))
                .setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"))
                .setFirstDayOfWeek(1)
                .setDateFormat("yyyy-MM-dd")
                .setToday("今天")
                .setCancel("取消"));
        return picker;
    }
}
