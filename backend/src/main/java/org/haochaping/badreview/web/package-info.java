/** The officials' REST API of the bad-review loop (tag {@code bad-reviews} of api-spec). */
@NullMarked
package org.haochaping.badreview.web;

import org.jspecify.annotations.NullMarked;
