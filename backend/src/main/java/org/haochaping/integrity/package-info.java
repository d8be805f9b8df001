/**
 * Manipulation signals (刷好评, 恶意差评): rules that spot suspicious patterns in the ratings and the
 * bad-review cases, and the officials' review of them. Never an automatic exclusion: a signal is evidence
 * for people; excluding its ratings takes two SUPERVISORs and goes through the appeal's invalidation.
 * A feature of its own (not a part of {@code rating}) because it reads the cases' contacts too, and the
 * bad-review feature already depends on ratings.
 */
@NullMarked
package org.haochaping.integrity;

import org.jspecify.annotations.NullMarked;
