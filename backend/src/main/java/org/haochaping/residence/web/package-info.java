@NullMarked
package org.haochaping.residence.web;

import org.jspecify.annotations.NullMarked;
