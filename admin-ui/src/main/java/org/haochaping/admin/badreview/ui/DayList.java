package org.haochaping.admin.badreview.ui;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * A titled list of days, each with its weekday (so a make-up day that is no weekend stands out),
 * and a remove button per day when the list is editable. Plain components rather than a grid: a
 * year has a few dozen such days, and every row is then a component tests can reach.
 */
final class DayList extends Div {

    private final String idPrefix;
    private final H4 title;
    final UnorderedList days = new UnorderedList();

    DayList(String title, String idPrefix) {
        this.idPrefix = idPrefix;
        this.title = new H4(title);
        this.title.addClassNames(LumoUtility.Margin.Bottom.XSMALL);
        days.addClassNames(LumoUtility.Margin.NONE, LumoUtility.Padding.Left.MEDIUM);
        days.setId(idPrefix + "-days");
        // A year has some thirty holidays: side by side in columns rather than one long list.
        days.getStyle().set("columns", "15em auto");
        add(this.title, days);
    }

    /** Shows {@code shown}; with {@code remove}, each day gets a button that hands it over. */
    void show(Collection<LocalDate> shown, String none, Consumer<LocalDate> remove, boolean editable) {
        days.removeAll();
        if (shown.isEmpty()) {
            days.add(new ListItem(none));
        }
        for (LocalDate day : shown) {
            ListItem item = new ListItem(new Span(label(day)));
            if (editable) {
                Button button = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> remove.accept(day));
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                button.setAriaLabel("移除 " + day);
                button.setId(idPrefix + "-remove-" + day);
                item.add(button);
            }
            days.add(item);
        }
    }

    /** {@code 2026-02-15（星期日）}. */
    static String label(LocalDate day) {
        return day + "（" + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE) + "）";
    }
}
