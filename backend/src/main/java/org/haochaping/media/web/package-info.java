@NullMarked
package org.haochaping.media.web;

import org.jspecify.annotations.NullMarked;
