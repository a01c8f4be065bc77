from build import Doc
d = Doc('p05', 'Buôn Ma Thuột nâng cao hiệu quả cơ chế một cửa liên thông', '2014-07-10', ['Hoàng Thủy'])
P = 'Tỉnh Đắk Lắk'
d.locs = {
 'DL': ('tỉnh', 'province', 'Đắk Lắk', P, None),
 'BMT': ('thành phố', 'district', 'Buôn Ma Thuột', 'Thành phố Buôn Ma Thuột', P),
 'TL': ('phường', 'commune', 'Tân Lợi', 'Phường Tân Lợi', P),
 'TC': ('phường', 'commune', 'Thành Công', 'Phường Thành Công', P),
 'TA': ('phường', 'commune', 'Tự An', 'Phường Tự An', P),
 'HT': ('xã', 'commune', 'Hòa Thắng', 'Xã Hòa Thắng', P),
 'BH': ('thị xã', 'district', 'Buôn Hồ', 'Thị xã Buôn Hồ', P),
 'KP': ('huyện', 'district', 'Krông Pắc', 'Huyện Krông Pắc', P),
 'EH': ('huyện', 'district', "Ea H'leo", "Huyện Ea H'leo", P),
}
BMT = 'Thành phố Buôn Ma Thuột'
d.LOC = BMT
d.L('Buôn Ma Thuột', 'BMT')
d.D('10/07/2014', '2014-07-10', 'day')
# para 1
d.D('Từ ngày 1/1/2014 đến ngày 30/6/2014', '2014-01-01/2014-06-30', 'interval')
d.P = '2014-01-01/2014-06-30'
d.L('TP. Buôn Ma Thuột', 'BMT')
d.F('9.634', 'dossier_count', 9634, 'hồ sơ', 'received')
d.F('9.507', 'dossier_count', 9507, 'hồ sơ', 'resolved')
d.F('9.215', 'dossier_count', 9215, 'hồ sơ', 'on_time')
d.F('96,9%', 'percentage', 96.9, metric='on_time_rate')
d.F('127', 'dossier_count', 127, 'hồ sơ', 'pending')
# para 2
d.P = None
d.O('Y Thông Ênuôl', 'Y Thông Ênuôl', 'ông', ['Phó Chủ tịch UBND thành phố'])
d.F('21', 'quantity', 21, 'xã', tier='commune')
d.F('100%', 'percentage', 100.0, tier='district')
d.F('30', 'quantity', 30, 'ngày', ctx='30 ngày')
d.F('15', 'quantity', 15, 'ngày', ctx='15 ngày')
d.F('3', 'quantity', 3, 'ngày', ctx='còn 3 ngày')
# para 3
d.L('phường Tân Lợi', 'TL')
d.LOC = 'Phường Tân Lợi'
d.F('60', 'quantity', 60, 'lượt người dân')
d.F('70', 'quantity', 70, 'lượt người dân')
d.O("H'Nga Byă", "H'Nga Byă", None, ['công chức Văn phòng - Thống kê UBND phường Tân Lợi'])
d.L('phường Tân Lợi', 'TL')
d.F('100', 'dossier_count', 100, 'hồ sơ', 'received', q='approx')
d.L('phường Thành Công', 'TC')
d.L('Tự An', 'TA')
d.L('xã Hòa Thắng', 'HT')
# para 4
d.LOC = BMT
d.D('Năm 2014', '2014', 'year')
d.P = '2014'
d.F('100%', 'percentage', 100.0, tier='commune', target=True)
d.F('98%', 'percentage', 98.0, metric='on_time_rate', q='gt', target=True)
d.F('10', 'quantity', 10, 'dịch vụ công trực tuyến', q='gt', sl=3, target=True)
d.SL('3', [3], ctx='mức độ 3')
d.F('2,5 tỷ', 'quantity', 2500000000, 'đồng', q='approx', target=True)
# para 5
d.L('tỉnh Đắk Lắk', 'DL')
d.D('năm 2013', '2013', 'year')
d.P = '2013'
d.L('TP. Buôn Ma Thuột', 'BMT')
d.F('2', 'quantity', 2, 'hạng', ctx='thứ 2')
d.F('15', 'quantity', 15, 'huyện', tier='district', loc=P)
d.L('thị xã Buôn Hồ', 'BH')
d.L('Huyện Krông Pắc', 'KP')
d.L("huyện Ea H'leo", 'EH')
d.write()
