" *.motor files are MotorLearn experiment specs
autocmd BufRead,BufNewFile *.motor setfiletype motorlearn
