@NullMarked
package org.haochaping.rating.web;

import org.jspecify.annotations.NullMarked;
