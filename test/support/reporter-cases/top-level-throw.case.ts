throw new Error('the suite crashes while it is collected');
