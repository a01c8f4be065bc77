from build import Doc
d = Doc('p04', 'An Giang: Quý III/2019, cấp huyện giải quyết trên 96% hồ sơ đúng hạn', None, ['Hữu Huynh'])
P = 'Tỉnh An Giang'
d.locs = {
 'AG': ('tỉnh', 'province', 'An Giang', P, None),
 'LX': ('thành phố', 'district', 'Long Xuyên', 'Thành phố Long Xuyên', P),
 'CD': ('thành phố', 'district', 'Châu Đốc', 'Thành phố Châu Đốc', P),
 'CM': ('huyện', 'district', 'Chợ Mới', 'Huyện Chợ Mới', P),
 'TC': ('thị xã', 'district', 'Tân Châu', 'Thị xã Tân Châu', P),
 'TT': ('huyện', 'district', 'Tri Tôn', 'Huyện Tri Tôn', P),
 'KA': ('xã', 'commune', 'Kiến An', 'Xã Kiến An', P),
}
d.LOC = P
d.L('An Giang', 'AG')
d.D('Quý III/2019', '2019-Q3', 'quarter')
d.P = '2019-Q3'
d.F('96%', 'percentage', 96.0, metric='on_time_rate', q='gt', tier='district')
# para 1
d.D('ngày 8/10/2019', '2019-10-08', 'day')
d.L('tỉnh An Giang', 'AG')
d.O('Lâm Quang Thịnh', 'Lâm Quang Thịnh', None, ['Chủ tịch UBND tỉnh An Giang'])
d.D('quý III/2019', '2019-Q3', 'quarter')
d.D('9 tháng đầu năm 2019', '2019-01/2019-09', 'interval')
# para 2
d.D('9 tháng đầu năm 2019', '2019-01/2019-09', 'interval')
d.P = '2019-01/2019-09'
d.F('45.318', 'dossier_count', 45318, 'hồ sơ', 'received', tier='province')
d.F('44.906', 'dossier_count', 44906, 'hồ sơ', 'resolved', tier='province')
d.F('44.870', 'dossier_count', 44870, 'hồ sơ', 'on_time', tier='province')
d.F('99,92%', 'percentage', 99.92, metric='on_time_rate', tier='province')
d.F('152.640', 'dossier_count', 152640, 'hồ sơ', 'received', tier='district')
d.F('146.811', 'dossier_count', 146811, 'hồ sơ', 'on_time', tier='district')
d.F('96,2%', 'percentage', 96.2, metric='on_time_rate', tier='district')
d.F('210.575', 'dossier_count', 210575, 'hồ sơ', 'received', tier='commune')
d.F('209.100', 'dossier_count', 209100, 'hồ sơ', 'on_time', tier='commune')
d.F('93,5%', 'percentage', 93.5, metric='on_time_rate', tier='commune')
# para 3
d.D('quý III/2019', '2019-Q3', 'quarter')
d.P = '2019-Q3'
d.F('141.207', 'dossier_count', 141207, 'hồ sơ', 'received')
d.F('12,4%', 'percentage', 12.4)
d.D('quý II/2019', '2019-Q2', 'quarter')
d.SL('3, 4', [3, 4])
d.F('4,15%', 'percentage', 4.15, metric='online_rate', sl=[3, 4])
# para 4 (no date)
d.P = None
d.F('11', 'quantity', 11, 'huyện', tier='district')
d.L('TP. Long Xuyên', 'LX')
d.F('99,6%', 'percentage', 99.6, metric='on_time_rate', loc='Thành phố Long Xuyên')
d.L('TP. Châu Đốc', 'CD')
d.F('99,4%', 'percentage', 99.4, metric='on_time_rate', loc='Thành phố Châu Đốc')
d.L('H. Chợ Mới', 'CM')
d.F('99.1%', 'percentage', 99.1, metric='on_time_rate', loc='Huyện Chợ Mới')
d.L('TX. Tân Châu', 'TC')
d.L('H. Tri Tôn', 'TT')
d.F('1.032', 'dossier_count', 1032, 'hồ sơ', 'late', loc='Thị xã Tân Châu')
d.F('846', 'dossier_count', 846, 'hồ sơ', 'late', loc='Huyện Tri Tôn')
d.L('xã Kiến An', 'KA')
d.L('H. Chợ Mới', 'CM')
d.F('100%', 'percentage', 100.0, metric='early_rate', loc='Xã Kiến An')
# para 5
d.O('Đặng Hữu Tín', 'Đặng Hữu Tín', 'ông', ['Giám đốc Sở Nội vụ', 'Phó Trưởng ban Thường trực Ban Chỉ đạo cải cách hành chính tỉnh'])
d.D('năm 2018', '2018', 'year')
d.P = '2018'
d.L('An Giang', 'AG')
d.F('84,21%', 'percentage', 84.21, metric='satisfaction_rate')
d.F('18/63', 'quantity', 18, 'hạng', total=63)
d.F('2', 'quantity', 2, 'tỉnh', tier='province', loc=None, ctx='có 2 tỉnh')
d.F('90%', 'percentage', 90.0, metric='satisfaction_rate', q='gt', tier='province', loc=None)
# para 6
d.O('Thịnh', 'Lâm Quang Thịnh', 'ông', [], ctx='ông Thịnh')
d.D('năm 2019', '2019', 'year', ctx='cuối năm 2019')
d.P = '2019'
d.F('98%', 'percentage', 98.0, metric='on_time_rate', q='gt', target=True)
d.SL('3, 4', [3, 4])
d.F('10%', 'percentage', 10.0, metric='online_rate', q='gt', sl=[3, 4], target=True)
d.F('100%', 'percentage', 100.0, target=True)
# para 7
d.D('Từ năm 2016 đến nay', '2016/PRESENT', 'interval')
d.P = '2016/PRESENT'
d.F('14', 'quantity', 14, 'cán bộ')
d.write()
