package org.yrd.voucher.events;
