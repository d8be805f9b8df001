package org.haochaping.admin.audit.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.haochaping.admin.base.ui.RoleNames;

import org.haochaping.identity.AuditTrail;
import org.haochaping.identity.CurrentActor;
import org.haochaping.identity.audit.AuditEntry;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The audit log, newest first: read-only, for auditors and supervisors. */
@Route("audit-log")
@PageTitle("审计日志 · 好差评管理平台")
@RolesAllowed({"AUDITOR", "SUPERVISOR"})
public class AuditLogView extends VerticalLayout {

    final Grid<AuditEntry> grid = new Grid<>();

    public AuditLogView(AuditTrail trail, CurrentActor currentActor, Clock clock, org.haochaping.system.Labels labels) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone());
        setSizeFull();
        add(new H2("审计日志"), new Paragraph("登录、拒绝访问和涉及权限的变更都会记录在此，任何人都无法修改或删除。"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(entry -> time.format(entry.at())).setHeader("时间").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("操作人").setAutoWidth(true);
        grid.addColumn(entry -> entry.roles().stream().sorted().map(RoleNames::of)
                .collect(Collectors.joining("、"))).setHeader("角色").setAutoWidth(true);
        grid.addColumn(entry -> labels.auditAction(entry.action())).setHeader("事件").setAutoWidth(true);
        grid.addColumn(entry -> entry.details() == null ? entry.target() : entry.target() + "（" + entry.details() + "）")
                .setHeader("对象").setFlexGrow(1);
        grid.setItems(trail.newest(currentActor.get(), 500));
        grid.setSizeFull();
        add(grid);
    }
}
