package org.haochaping.admin.base.ui;

import org.haochaping.admin.audit.ui.AuditLogView;
import org.haochaping.admin.badreview.ui.CaseCounter;
import org.haochaping.admin.badreview.ui.CaseLabels;
import org.haochaping.admin.badreview.ui.HolidayCalendarView;
import org.haochaping.admin.campaign.ui.CampaignListView;
import org.haochaping.admin.dashboard.ui.DashboardView;
import org.haochaping.admin.integrity.ui.SignalsView;
import org.haochaping.admin.report.ui.ReportCenterView;
import org.haochaping.badreview.CaseQueue;
import org.haochaping.identity.Actor;
import org.haochaping.identity.AuditTrail;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.Role;
import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The console's frame: title bar with the officials' bell, the signed-in official and logout, and
 * the side navigation, whose 差评工单 counts are read again on every navigation.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    final Span user = new Span();
    final Button logout = new Button("退出登录", VaadinIcon.SIGN_OUT.create());
    /** The 差评工单 counts and bell; officials only. */
    final @Nullable CaseCounter cases;

    public MainLayout(CurrentActor currentActor, AuthenticationContext authentication, CaseQueue queue, CaseLabels labels) {
        Actor actor = currentActor.get();
        cases = actor.isOfficial() ? new CaseCounter(queue, labels, actor) : null;
        setPrimarySection(Section.DRAWER);
        user.setText(actor.displayName() + " · " + RoleNames.of(actor));
        user.setId("current-user");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        logout.addClickListener(click -> authentication.logout());
        addToNavbar(new DrawerToggle(), title(), userBox());
        addToDrawer(brand(), new Scroller(navigation(actor)));
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (cases != null) {
            cases.refresh();
        }
    }

    private HorizontalLayout userBox() {
        HorizontalLayout box = cases == null ? new HorizontalLayout(user, logout) : new HorizontalLayout(cases.bell(), user, logout);
        box.setAlignItems(Alignment.CENTER);
        box.addClassNames(LumoUtility.Margin.Left.AUTO, LumoUtility.Margin.Right.MEDIUM);
        return box;
    }

    private static H1 title() {
        H1 title = new H1("好差评管理平台");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return title;
    }

    private static Div brand() {
        Div brand = new Div("襄垣县 · 十大攻坚行动");
        brand.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Padding.MEDIUM);
        return brand;
    }

    private SideNav navigation(Actor actor) {
        SideNav nav = new SideNav();
        nav.setLabel("导航");
        nav.addItem(new SideNavItem("仪表盘", DashboardView.class, VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("攻坚行动", CampaignListView.class, VaadinIcon.FLAG.create()));
        if (cases != null) {
            nav.addItem(cases.queueItem());
            if (cases.appealsItem() != null) {
                nav.addItem(cases.appealsItem());
            }
        }
        if (actor.isOfficial()) {
            nav.addItem(new SideNavItem("报表中心", ReportCenterView.class, VaadinIcon.FILE_TABLE.create()));
        }
        if (actor.has(Role.SUPERVISOR) || actor.has(Role.AUDITOR)) {
            nav.addItem(new SideNavItem("异常评价", SignalsView.class, VaadinIcon.WARNING.create()));
        }
        nav.addItem(new SideNavItem("节假日日历", HolidayCalendarView.class, VaadinIcon.CALENDAR.create()));
        if (AuditTrail.mayRead(actor)) {
            nav.addItem(new SideNavItem("审计日志", AuditLogView.class, VaadinIcon.CLIPBOARD_TEXT.create()));
        }
        return nav;
    }
}
