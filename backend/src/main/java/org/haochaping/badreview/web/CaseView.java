package org.haochaping.badreview.web;

import java.util.Set;

import org.haochaping.api.model.LocalizedTextDto;
import org.haochaping.api.model.UnitDto;
import org.haochaping.api.model.UnitKindDto;
import org.haochaping.badreview.BadReviewCase;
import org.haochaping.badreview.BadReviewHandling;
import org.haochaping.badreview.CaseAction;
import org.haochaping.badreview.Unit;
import org.haochaping.badreview.UnitNames;
import org.haochaping.identity.Actor;
import org.haochaping.system.LocalizedText;
import org.jspecify.annotations.Nullable;

/** What a case's view depends on beyond the case: the caller (their actions), the clock (due soon), the units' names. */
record CaseView(Actor actor, BadReviewHandling handling, UnitNames names) {

    UnitDto unit(Unit unit) {
        LocalizedText name = names.of(unit);
        return new UnitDto(UnitKindDto.fromValue(unit.kind().name()), unit.code(), new LocalizedTextDto(name.zh(), name.en()));
    }

    UnitDto department(String code) {
        return unit(Unit.department(code));
    }

    boolean dueSoon(java.time.@Nullable Instant dueAt, boolean overdue) {
        return handling.isDueSoon(dueAt, overdue);
    }

    Set<CaseAction> actions(BadReviewCase c) {
        return handling.actionsFor(actor, c);
    }
}
