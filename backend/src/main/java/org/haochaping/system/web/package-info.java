/** Web concerns shared by every feature: problem details for every error under /api. */
@NullMarked
package org.haochaping.system.web;

import org.jspecify.annotations.NullMarked;
