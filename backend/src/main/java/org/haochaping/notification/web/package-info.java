/** The residents' notifications API (tag {@code notifications} of api-spec). */
@NullMarked
package org.haochaping.notification.web;

import org.jspecify.annotations.NullMarked;
